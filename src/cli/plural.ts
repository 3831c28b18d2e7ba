/// <reference types="node" />
/** "1 ticket", "2 tickets": English plurals for the nouns these commands print (all take an "s"). */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
