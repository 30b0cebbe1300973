/*
 * What the rest of the server may use of this domain: writing notices (which decides each one's
 * email from the person's choices), and the reads of its tables that other domains need. Everything
 * else in notifications.queries.ts is the domain's own; lint refuses an import of another domain's
 * *.queries.ts (eslint.config.mjs).
 */
export { insertNotifications } from "./notifications.service";
export { listActiveCoordinators, type NewNotification } from "./notifications.queries";
export { sendNoticeDigest, sendNoticeEmailsNow, withNoticeMail, type NoticeMailSummary } from "./noticeMail.service";
export { noticeWorkChange } from "./workNotices";
