// Residents type commands with or without diacritics, in any case, with stray punctuation:
// "Lịch học?", "lich hoc", "LỊCH HỌC" are one command. Only for matching; replies keep their accents.

/**
 * NFD, combining marks removed, đ → d, lower case, anything but letters, digits, '#' and '-'
 * turned into a space, spaces collapsed.
 */
export function normaliseCommand(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9#\- ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
