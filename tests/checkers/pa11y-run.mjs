// pa11y (HTML_CodeSniffer, WCAG2AA) on many addresses with one Debian Chromium: prints one
// JSON object {url: [issues]} (errors only). Used by tests/test_checkers.py.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const urls = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
});
const results = {};
try {
  for (const url of urls) {
    const page = await browser.newPage();
    const result = await pa11y(url, { browser, page, standard: "WCAG2AA", includeWarnings: false, timeout: 60000 });
    results[url] = result.issues.filter((issue) => issue.type === "error")
      .map((issue) => ({ code: issue.code, selector: issue.selector, message: issue.message }));
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
