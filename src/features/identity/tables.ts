/** Tables of the identity feature (see migrations/0020_*.sql). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityTables {}
