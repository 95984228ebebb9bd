import { expect, test } from '../fixtures';

/** A new user's first steps: find the send, land in its form, add a recipient, all from the keyboard. */
test('Ctrl/Cmd+K "send a message" then Enter opens the multipart send with focus in the first empty required field', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('send a message');
  await expect(page.getByTestId('palette-option').first()).toHaveAttribute('data-endpoint-id', 'messages.send');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'messages.send');
  // The domain comes from the environment, so "from" is the first field still to fill.
  await expect(page.getByTestId('input-from')).toBeFocused();

  await page.keyboard.type('Shop <shop@sandbox.mg.example.com>');
  await page.getByTestId('input-to-0').fill('alice@example.com');
  await page.getByTestId('input-to-add').click();
  await expect(page.getByTestId('input-to-1')).toBeFocused();
  expect(app.consoleErrors).toEqual([]);
});
