// Links that open the mini app inside Zalo at one of its pages (https://zalo.me/s/<app id>/…):
// the lesson link in reminders and chat replies, the check-in QR, a staff invitation, the
// button of a Mini App notification. The app id is the plain MINI_APP_ID the server's env
// checks (letters, digits, '-', '_'), so it goes into the URL as it is.

/** `path` is the mini app's own route, e.g. "/bai/quet-vietqr"; "/" opens its home. */
export function miniAppLink(miniAppId: string, path = "/"): string {
  return `https://zalo.me/s/${miniAppId}${path}`;
}

export function lessonLink(miniAppId: string, lessonId: string): string {
  return miniAppLink(miniAppId, `/bai/${lessonId}`);
}
