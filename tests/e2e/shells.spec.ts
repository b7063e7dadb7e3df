/**
 * The shell choice in the browser (issue 9): fish gets its own command block, quoted for fish, and a
 * control character typed into a field is refused next to that field, naming the character.
 */
import { expect, openGuide, test } from './fixtures.ts';

test('the fish injection link: the fish block is quoted for fish, and only it is shown for fish', async ({
  page,
}) => {
  await openGuide(
    page,
    '/guides/custom/#v=1&mode=local&args=x%5C%0A%3Btouch%20%2Ftmp%2Fpwned%20%23',
  );
  const island = page.locator('[data-generator="custom"]');
  await island.getByRole('radio', { name: 'fish', exact: true }).check();
  await expect(island.locator('[data-block="cli-fish"] figcaption')).toContainText(
    'Command (fish)',
  );
  await expect(island.locator('[data-output="cli-fish"]')).toBeVisible();
  await expect(island.locator('[data-output="cli"]')).toBeHidden();
  await expect(island.locator('[data-output="cli-powershell"]')).toBeHidden();
  // fish escapes the trailing backslash inside its single quotes; POSIX quoting would have left `'x\'`.
  expect(await island.locator('[data-output="cli-fish"]').textContent()).toMatch(
    / 'x\\\\' ';touch \/tmp\/pwned #'$/,
  );
  // bash / zsh keep their own block.
  await island.getByRole('radio', { name: 'bash / zsh', exact: true }).check();
  await expect(island.locator('[data-block="cli"] figcaption')).toContainText(
    'Command (bash / zsh)',
  );
  expect(await island.locator('[data-output="cli"]').textContent()).toMatch(
    / 'x\\' ';touch \/tmp\/pwned #'$/,
  );
});

test('an ESC typed into Arguments is refused next to the field, naming the character', async ({
  page,
}) => {
  await openGuide(page, '/guides/custom/#v=1&mode=local');
  const island = page.locator('[data-generator="custom"]');
  await island.getByLabel('Arguments').fill('\u001b[201~touch x');
  await expect(island.locator('[data-field$="-args"] .cmg-error')).toContainText(
    'Argument #1 contains U+001B (escape) at position 1',
  );
  // No command is shown while the error remains.
  await expect(island.locator('[data-output="cli"]')).toHaveCount(0);
});
