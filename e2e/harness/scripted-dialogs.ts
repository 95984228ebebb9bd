import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MainDialogs } from '../../electron/services';

/**
 * Stand-ins for the native dialogs: a test says beforehand which files the
 * user will pick or where a save goes, and reads back what main wrote. Like the
 * real ones, they hand main paths the renderer never sees.
 */
export interface ScriptedDialogs extends MainDialogs {
  /** The next open dialog picks these paths; with none queued it is cancelled. */
  pickNext(...paths: string[]): void;
  /** The next save dialog saves to this path; with none queued it is cancelled. */
  saveNextTo(filePath: string): void;
  readonly saved: string[];
  /** The next question is answered with this; with none queued it is refused, as Cancel would. */
  answerNext(answer: boolean): void;
  /** Every question main asked, in order. */
  readonly questions: { title: string; message: string; detail: string }[];
}

export function createScriptedDialogs(): ScriptedDialogs {
  const picks: string[][] = [];
  const saves: string[] = [];
  const saved: string[] = [];
  const answers: boolean[] = [];
  const questions: { title: string; message: string; detail: string }[] = [];
  return {
    saved,
    questions,
    answerNext: (answer) => {
      answers.push(answer);
    },
    async confirm({ title, message, detail }) {
      questions.push({ title, message, detail });
      return answers.shift() ?? false;
    },
    pickNext: (...paths) => {
      picks.push(paths);
    },
    saveNextTo: (filePath) => {
      saves.push(filePath);
    },
    async openFiles(_purpose, multiple) {
      const next = picks.shift() ?? [];
      return multiple ? next : next.slice(0, 1);
    },
    async saveFile(_suggestedName, data) {
      const target = saves.shift();
      if (!target) return { saved: false };
      await writeFile(target, data);
      saved.push(target);
      return { saved: true };
    },
    async saveTextFile(_suggestedName, text) {
      const target = saves.shift();
      if (!target) return { saved: false };
      await writeFile(target, text, 'utf8');
      saved.push(target);
      return { saved: true, path: target };
    },
    async openTextFile() {
      const file = picks.shift()?.[0];
      if (!file) return null;
      return { name: path.basename(file), text: await readFile(file, 'utf8') };
    },
  };
}
