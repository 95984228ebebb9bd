// Loads the bundled main process (dist/electron/main.cjs) under plain Node with
// a stand-in for the `electron` module, then calls a few bridge channels the
// way the window would and prints what came back as JSON. It proves the bundle
// itself starts and answers, which the harness (running sources) cannot.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const userData = process.env.MAILGUN_EXPLORER_USER_DATA;
const handlers = {};
const protocolHandlers = {};
let privilegedSchemes = [];
const chromiumFetches = [];
const proxyConfigs = [];
const electron = {
  app: {
    requestSingleInstanceLock: () => true,
    on: () => {},
    setPath: () => {},
    getPath: () => userData,
    getVersion: () => '0.0.0-smoke',
    getName: () => 'Mailgun Explorer',
    getLocale: () => 'en-US',
    isPackaged: false,
    setAppUserModelId: () => {},
    setAboutPanelOptions: () => {},
    whenReady: () => Promise.resolve(),
    quit: () => {},
    exit: (code) => process.exit(code),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => {
      privilegedSchemes = schemes;
    },
    handle: (scheme, handler) => {
      protocolHandlers[scheme] = handler;
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      setProxy: async (config) => {
        proxyConfigs.push(config);
      },
      resolveProxy: async () => 'DIRECT',
      closeAllConnections: async () => {},
      setCertificateVerifyProc: () => {},
      // Stands in for Chromium's network stack; records what main sends through it.
      fetch: (input, init) => {
        chromiumFetches.push(String(input));
        return globalThis.fetch(input, init);
      },
    },
  },
  ipcMain: {
    handle: (channel, handler) => {
      handlers[channel] = handler;
    },
    removeHandler: () => {},
    // The body stream's port channel (electron/ipc/body-stream-port.ts); this smoke test opens no stream.
    on: () => {},
    removeListener: () => {},
  },
  Menu: { buildFromTemplate: (template) => ({ template, popup: () => {} }), setApplicationMenu: () => {} },
  shell: { openExternal: async () => {}, showItemInFolder: () => {} },
  clipboard: { writeText: () => {} },
  nativeTheme: { themeSource: 'system', shouldUseDarkColors: false, on: () => {} },
  dialog: { showErrorBox: (title, content) => process.stderr.write(`${title}\n${content}\n`) },
  screen: {
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  },
  BrowserWindow: class {
    static getAllWindows() {
      return [];
    }
    webContents = { on() {}, isDestroyed: () => false, reload() {} };
    maximize() {}
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

require(path.resolve(__dirname, '../../dist/electron/main.cjs'));

const fromApp = { senderFrame: { url: 'app://mailgun-explorer/index.html' } };
const call = (name, arg) => handlers[`mailgun:${name}`](fromApp, arg);

async function main() {
  for (let i = 0; i < 100 && !handlers['mailgun:getAppInfo']; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  const page = await protocolHandlers.app({ url: 'app://mailgun-explorer/index.html', method: 'GET' });
  const [message] = (await call('listSandboxMessages', undefined)).value;
  const previewOf = async (url) => {
    const response = await protocolHandlers['mailgun-preview']({ url, method: 'GET' });
    return { status: response.status, csp: response.headers.get('content-security-policy'), body: await response.text() };
  };
  const preview = await previewOf(
    (await call('getSandboxMessage', { region: message.region, domain: message.domain, key: message.key })).value.previewUrl,
  );
  const missingPreview = await previewOf('mailgun-preview://message/us/sandbox.mg.example.com/no-such-key');
  const report = {
    channels: Object.keys(handlers).filter((name) => name.startsWith('mailgun:')).length,
    info: await call('getAppInfo', undefined),
    environments: await call('listEnvironments', undefined),
    snippets: await call('generateSnippets', { environmentId: 'sandbox', endpointId: 'domains.list', values: { params: {} } }),
    send: await call('sendRequest', {
      requestId: '0b6f3a52-4a53-4c9e-9a53-1f1f1f1f1f1f',
      environmentId: 'sandbox',
      endpointId: 'domains.list',
      values: { params: {} },
    }),
    postman: await call('importPostmanCollection', {
      text: fs.readFileSync(
        path.resolve(__dirname, '../../electron/services/postman/__fixtures__/mailgun-essentials.postman_collection.json'),
        'utf8',
      ),
    }),
    rendererError: await call('reportRendererError', {
      kind: 'error',
      message: 'TypeError: boom with key-0f0e0d0c0b0a09080706050403020100',
    }),
    settings: await call('getDesktopSettings', undefined),
    resolvedProxy: await call('resolveProxy', { url: 'https://api.mailgun.net/' }),
    foreignFrame: await handlers['mailgun:getAppInfo']({ senderFrame: { url: 'https://example.com/' } }, undefined),
    page: { status: page.status, csp: page.headers.get('content-security-policy') },
    privilegedSchemes,
    preview: { status: preview.status, csp: preview.csp, isMessageHtml: preview.body.length > 0 },
    missingPreview: { status: missingPreview.status, csp: missingPreview.csp },
  };
  report.chromiumFetches = chromiumFetches;
  report.proxyConfigs = proxyConfigs;
  report.log = fs.readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8');
  process.stdout.write(JSON.stringify(report));
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
