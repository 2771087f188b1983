/** Tables of the statements feature (see migrations/0010_*.sql). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StatementTables {}
