/** Everything the skill says in en-US. Other locales will mirror this shape. */

/** What the user asked for, in words: the parts that were actually given. */
export interface PhotoSelection {
  subject?: string;
  /** e.g. "summer 2026", "July 14, 2026", "the 2010s". */
  when?: string;
}

const EXAMPLE = 'show beach photos from last summer';

function photos(selection: PhotoSelection, count: number): string {
  const noun = count === 1 ? 'photo' : 'photos';
  const subject = selection.subject ? `${selection.subject} ` : '';
  const when = selection.when ? ` from ${selection.when}` : '';
  return `${subject}${noun}${when}`;
}

const isFiltered = (selection: PhotoSelection): boolean => Boolean(selection.subject ?? selection.when);

export const enUS = {
  welcome: `Welcome to Photo Frame. You can say, ${EXAMPLE}.`,
  whatToSee: 'What would you like to see?',
  help: `Photo Frame shows your photos as a slideshow. Say what and when, for example: ${EXAMPLE}, or show my dog pictures. What would you like to see?`,
  goodbye: 'Goodbye.',
  fallback: `Sorry, Photo Frame can't help with that. You can say, ${EXAMPLE}.`,
  apology: "Sorry, I'm having trouble getting your photos right now. Please try again in a moment.",

  showing(selection: PhotoSelection, count: number): string {
    if (!isFiltered(selection)) {
      return count === 1 ? 'Here is your photo.' : `Here are your ${count} photos.`;
    }
    return `Here ${count === 1 ? 'is' : 'are'} ${count} ${photos(selection, count)}.`;
  },

  voiceOnly(selection: PhotoSelection, count: number): string {
    const found = isFiltered(selection)
      ? `You have ${count} ${photos(selection, count)}`
      : `You have ${count} ${count === 1 ? 'photo' : 'photos'}`;
    return `${found}. Photos need a screen, so ask me again on an Echo Show or a Fire TV.`;
  },

  noMatches(selection: PhotoSelection): string {
    return isFiltered(selection)
      ? `I couldn't find any ${photos(selection, 2)}. What would you like to see?`
      : "I couldn't find any photos in your library yet. What would you like to see?";
  },

  badDate(heard: string): string {
    return `Sorry, I didn't understand the date ${heard}. Try something like last summer, or July 2025. What would you like to see?`;
  },

  unknownSubject(heard: string): string {
    return `Sorry, I don't know how to find ${heard} photos. Try beach, dogs, or birthdays. What would you like to see?`;
  },
};
