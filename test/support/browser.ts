import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`), or the binary CHROMIUM_PATH names. Playwright's
 * own browser downloads are not used: they need the internet, and CI installs the Debian package.
 */
function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') return configured;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found !== '' && existsSync(found)) return found;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error("No Chromium found: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.");
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Chromium's sandbox refuses to run as root, which CI containers often are.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}
