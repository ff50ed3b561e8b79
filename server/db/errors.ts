// Recognising database errors the same way on both databases. Through @prisma/adapter-pg a
// unique violation arrives as Prisma's P2002; through the PGlite adapter as a driver adapter
// error whose cause carries PostgreSQL's own code, 23505.
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === 'P2002' || e?.cause?.code === '23505';
}
