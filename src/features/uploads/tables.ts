/** Tables of the uploads feature (see migrations/0030_*.sql). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UploadTables {}
