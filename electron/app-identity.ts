/** electron-builder's appId; Windows groups taskbar entries and notifications by it, so both must agree. */
export const appId = 'com.mailgunexplorer.app';
