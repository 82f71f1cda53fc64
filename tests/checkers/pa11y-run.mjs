// pa11y (HTML_CodeSniffer, WCAG2AA) on many addresses with one Debian Chromium. Each
// argument is "<scheme>:<width>:<url>" (scheme light or dark, width in CSS pixels), so the
// same run reads pages in both colour schemes at desktop and phone widths. Prints one JSON
// object {argument: {scheme, width, issues}}: the colour scheme the page really showed
// (Material's data-md-color-scheme), its layout width (wider than asked: it scrolls
// sideways) and its errors. Used by tests/test_checkers.py.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
});
const results = {};
try {
  for (const argument of process.argv.slice(2)) {
    const [scheme, width, ...rest] = argument.split(":");
    const url = rest.join(":");
    // a fresh context each time: Material keeps the last colour scheme in localStorage
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    const phone = Number(width) < 600;
    const result = await pa11y(url, {
      browser, page, standard: "WCAG2AA", includeWarnings: false, timeout: 60000,
      viewport: { width: Number(width), height: phone ? 844 : 1024, isMobile: phone, hasTouch: phone },
    });
    results[argument] = {
      scheme: await page.evaluate(() => document.body.getAttribute("data-md-color-scheme")),
      width: await page.evaluate(() => window.innerWidth),
      issues: result.issues.filter((issue) => issue.type === "error")
        .map((issue) => ({ code: issue.code, selector: issue.selector, message: issue.message })),
    };
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
