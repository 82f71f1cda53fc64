// pa11y drives Chromium through Puppeteer: use Debian's, never download one.
module.exports = { skipDownload: true, executablePath: "/usr/bin/chromium" };
