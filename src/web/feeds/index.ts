export { completedMonth, type FeedContext, type FeedMonth } from "./feedContext.js";
export { renderJsonFeed } from "./jsonFeed.js";
export { renderAtom, renderRss } from "./xmlFeeds.js";
