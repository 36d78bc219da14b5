// One line per conversation for the web page to show after a form post redirects back:
// what happened to the message a person just sent (delivered, refused, not sent and why).
export class PageNotes {
  readonly #notes = new Map<string, string>();

  set(key: string, note: string): void {
    this.#notes.set(key, note);
  }

  get(key: string): string | undefined {
    return this.#notes.get(key);
  }
}
