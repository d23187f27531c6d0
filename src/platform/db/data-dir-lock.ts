// PGlite allows one process per data folder: a second one (a CLI command beside `npm start`) would read
// a stale copy and its writes would be lost. A lock file with the holder's pid makes the second process
// refuse with a clear message instead; a lock left by a process that died is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export class DataDirInUseError extends Error {
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${holder.pid}: ${holder.command}, ` +
        `started ${holder.startedAt}). Stop it first (a CLI command cannot share the data folder with a ` +
        "running server), or run both against PostgreSQL with DATABASE_URL.",
    );
    this.name = "DataDirInUseError";
  }
}

type LockHolder = { pid: number; host: string; command: string; startedAt: string };

export type DataDirLock = { release(): void };

const LOCK_FILE = "corrente.lock";

function isRunning(holder: LockHolder): boolean {
  // Another machine's process (a shared folder) cannot be checked: treat its lock as held.
  if (holder.host !== hostname()) return true;
  // Our own pid in a lock we did not write: a restart reused it (a container's server is often pid 1).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as Partial<LockHolder>;
    return typeof holder.pid === "number" ? (holder as LockHolder) : null;
  } catch {
    return null; // unreadable: half-written by a process that died while writing it
  }
}

/** Takes the data folder for this process, or throws DataDirInUseError naming the process that has it. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(2).join(" ") || "corrente",
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => rmSync(file, { force: true });
      process.once("exit", release);
      return {
        release() {
          process.off("exit", release);
          release();
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      if (holder && isRunning(holder)) throw new DataDirInUseError(dataDir, holder);
      rmSync(file, { force: true }); // a stale lock: its process is gone
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
