/* What every section of a meeting page is given, and how its forms read an empty choice. */

export type Props = { taskForceSlug: string; meetingId: string };
export const orNull = (value: string) => (value === "" ? null : value);
