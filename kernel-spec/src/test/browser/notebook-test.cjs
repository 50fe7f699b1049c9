#!/usr/bin/env node
// Browser test of the notebook experience: opens one notebook in Jupyter Notebook (the classic UI) in headless
// Chromium, runs all cells through the UI's "Cell > Run All" menu, waits for the kernel to finish, and checks that
// no cell failed, that a chart image and an HTML table were rendered, then keeps a full-page screenshot.
//
//   node notebook-test.cjs URL SCREENSHOT [TIMEOUT_SECONDS]
//
// URL is the notebook's page including the server's token (…/notebooks/00-tour.ipynb?token=…). The browser is
// Debian's /usr/bin/chromium (override with SYSCALL_LAB_CHROMIUM); no browser is ever downloaded. Exits 0 on
// success, 1 on a failed check, 2 on a usage error.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, screenshot, timeoutArg] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: notebook-test.cjs URL SCREENSHOT [TIMEOUT_SECONDS]');
  process.exit(2);
}
const timeoutMs = 1000 * Number(timeoutArg || 300);
const executablePath = process.env.SYSCALL_LAB_CHROMIUM || '/usr/bin/chromium';
const started = Date.now();
const log = (msg) => console.log(`[browser ${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);
const remaining = () => Math.max(1000, timeoutMs - (Date.now() - started));

// What the page shows, read from the classic notebook's own model (window.Jupyter) and its DOM.
function notebookState() {
  const nb = window.Jupyter && window.Jupyter.notebook;
  const kernel = nb && nb.kernel;
  const code = nb ? nb.get_cells().filter((c) => c.cell_type === 'code') : [];
  const prompts = code.map((c) => c.input_prompt_number);
  return {
    loaded: !!(nb && nb._fully_loaded),
    kernelReady: !!(kernel && kernel.is_connected && kernel.is_connected()),
    busy: document.body.classList.contains('notebook_busy')
      || !!document.querySelector('#kernel_indicator_icon.kernel_busy_icon'),
    codeCells: code.length,
    executed: prompts.filter((p) => typeof p === 'number').length,
    pending: prompts.filter((p) => p === '*').length,
    errors: [...document.querySelectorAll('.output_error, .output_subarea.output_error')]
      .map((e) => e.innerText.slice(0, 400)),
    images: [...document.querySelectorAll('.output_png img, .output_jpeg img, .output_svg svg')]
      .filter((e) => e.getBoundingClientRect().width > 100 && e.getBoundingClientRect().height > 100).length,
    tables: [...document.querySelectorAll('.output_html table')]
      .filter((t) => t.querySelectorAll('tr').length > 1).length,
  };
}

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'syscall-lab-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
    });
    const page = context.pages()[0] || await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('dialog', (d) => d.dismiss());   // e.g. "leave page?" prompts must never block the test

    log(`opening ${url.replace(/token=[^&]+/, 'token=…')}`);
    await page.goto(url, { waitUntil: 'load', timeout: remaining() });
    await page.waitForFunction(() => {
      const nb = window.Jupyter && window.Jupyter.notebook;
      return nb && nb._fully_loaded && nb.kernel && nb.kernel.is_connected && nb.kernel.is_connected();
    }, null, { timeout: remaining(), polling: 250 });
    let state = await page.evaluate(notebookState);
    log(`notebook loaded, kernel connected; ${state.codeCells} code cells`);
    if (state.codeCells === 0) throw new Error('the notebook has no code cells');

    // Run all cells the way a reader does: through the menu.
    await page.click('#celllink');
    await page.click('#run_all_cells a');
    log('Cell > Run All clicked');

    // Done when every code cell has an execution number and the kernel is idle again (or on the first error:
    // the classic UI stops running the remaining cells after a failed one).
    await page.waitForFunction(() => {
      const nb = window.Jupyter.notebook;
      const code = nb.get_cells().filter((c) => c.cell_type === 'code');
      const idle = !document.body.classList.contains('notebook_busy')
        && !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
      const allDone = code.every((c) => typeof c.input_prompt_number === 'number');
      const failed = document.querySelector('.output_error') !== null;
      return idle && (allDone || failed);
    }, null, { timeout: remaining(), polling: 500 });
    state = await page.evaluate(notebookState);
    log(`finished: ${state.executed}/${state.codeCells} cells executed, ${state.images} chart image(s), `
      + `${state.tables} table(s), ${state.errors.length} error output(s)`);

    // The classic UI scrolls inside #site, so a "full page" shot would only show the window: grow the window to
    // the notebook's height first (capped), then shoot from the top.
    const height = await page.evaluate(() => {
      const site = document.getElementById('site');
      if (site) site.scrollTop = 0;
      const nb = document.getElementById('notebook');
      return (nb ? nb.scrollHeight : document.body.scrollHeight) + 150;
    });
    await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 900), 16000) });
    await page.waitForTimeout(500);
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true, timeout: 60_000 });
    log(`screenshot: ${screenshot}`);

    const problems = [];
    if (state.errors.length) problems.push(`cell errors:\n${state.errors.join('\n---\n')}`);
    if (state.executed !== state.codeCells) problems.push(`${state.codeCells - state.executed} cell(s) not executed`);
    if (state.images < 1) problems.push('no chart image (png/svg larger than 100x100 px) in the page');
    if (state.tables < 1) problems.push('no HTML table with rows in the page');
    if (pageErrors.length) log(`page script errors (not fatal): ${pageErrors.join(' | ')}`);
    if (problems.length) {
      console.error(`browser test FAILED:\n${problems.join('\n')}`);
      return 1;
    }
    log('browser test passed');
    return 0;
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then((rc) => process.exit(rc), (e) => {
  console.error(`browser test FAILED: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
