import type { AppError } from '../../shared/errors';

/**
 * Bounds every bridge argument before its schema sees it. Schema validation
 * recurses, so a deeply nested value would overflow the stack inside zod, and
 * a huge one would cost time and memory before being refused; this walk is
 * iterative and stops at the first bound passed.
 */

export const argumentLimits = {
  /** Deeper than any argument of the contract (a JSON parameter value inside a request is the deepest). */
  maxDepth: 64,
  /** Values (objects, arrays, strings, numbers...) in one argument. */
  maxNodes: 200_000,
  /** Characters of all strings and bytes of all binary values together; a Postman import is the largest at 20 M. */
  maxChars: 24 * 1024 * 1024,
} as const;

function refused(code: 'invalid-argument' | 'too-large', message: string): AppError {
  return { code, message, hint: 'Check the value and try again; if it came from a file, the file may be damaged or too large.' };
}

/** Null when the argument is within bounds, else the typed error to answer with. */
export function checkArgumentBounds(value: unknown, limits = argumentLimits): AppError | null {
  let nodes = 0;
  let chars = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    nodes += 1;
    if (nodes > limits.maxNodes) return refused('too-large', 'The argument has too many parts.');
    if (depth > limits.maxDepth) return refused('invalid-argument', `The argument is nested more than ${limits.maxDepth} levels deep.`);
    if (typeof current === 'string') {
      chars += current.length;
      if (chars > limits.maxChars) return refused('too-large', 'The argument is too large.');
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (current instanceof Date) continue;
    if (ArrayBuffer.isView(current) || current instanceof ArrayBuffer) {
      chars += current.byteLength;
      if (chars > limits.maxChars) return refused('too-large', 'The argument is too large.');
      continue;
    }
    if (Array.isArray(current)) {
      // Checked before walking, so a sparse array with a huge length costs nothing.
      if (current.length > limits.maxNodes - nodes) return refused('too-large', 'The argument has too many parts.');
      for (let i = 0; i < current.length; i++) stack.push({ value: current[i], depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(current);
    if (proto !== Object.prototype && proto !== null)
      return refused('invalid-argument', 'The argument holds a value of an unsupported kind.');
    for (const key of Object.keys(current)) {
      // An own `__proto__` key would become the prototype of the object a schema builds from it.
      if (key === '__proto__') return refused('invalid-argument', 'The argument holds the name "__proto__", which is not accepted.');
      chars += key.length;
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
