/** The archive's HTML pages as pure functions of the roundup: the server and the static site both serve them. */
export { renderArchiveIndex } from "./archiveIndex.js";
export { escapeHtml } from "./escapeHtml.js";
export { renderMonthPage } from "./monthPage.js";
export type { MonthSummary, PageContext } from "./pageContext.js";
export { safeHref } from "./safeHref.js";
export { summarizeMonth } from "./summarizeMonth.js";
