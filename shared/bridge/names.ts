import { z } from 'zod';

/**
 * A name the user gives or the app uses as a header, parameter or file
 * name: control characters (NUL, line breaks, tabs, escapes) have no place
 * in one and could split a header or hide text in the UI.
 */
export function nameSchema(max: number) {
  return z
    .string()
    .max(max)
    .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'Names cannot contain control characters such as line breaks, tabs or NUL.');
}
