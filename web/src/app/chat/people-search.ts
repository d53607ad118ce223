import { Mentioned } from './mentions';

/**
 * The people whose names hold what was searched for, whatever its case: those whose names start
 * with it first, the others after, each in the order given. An empty search finds everyone.
 */
export function peopleMatching<T extends Mentioned>(people: T[], search: string): T[] {
  const wanted = search.trim().toLowerCase();
  if (wanted === '') {
    return people;
  }
  const found = people.filter((person) => person.username.toLowerCase().includes(wanted));
  const starting = found.filter((person) => person.username.toLowerCase().startsWith(wanted));
  return [...starting, ...found.filter((person) => !starting.includes(person))];
}
