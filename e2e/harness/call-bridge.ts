import type { Page } from '@playwright/test';

/** Calls one bridge method from inside the page, as the renderer would, and unwraps the result (throwing on a failure). */
export async function callBridge<T>(page: Page, method: string, arg?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([name, value]) =>
      (window as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>).mailgun?.[name as string]?.(value),
    [method, arg] as const,
  );
  const typed = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!typed.ok) throw new Error(`${method}: ${typed.error?.message}`);
  return typed.value as T;
}
