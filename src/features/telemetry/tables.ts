/** Telemetry tables (migrations/0130_telemetry.sql). */
export interface TelemetryPointsTable {
  terminal: string;
  at: Date;
  vehicle_id: string | null;
  received_at: Date;
  latitude: number;
  longitude: number;
  speed: number;
  course: number;
  valid: boolean;
  body_raised: boolean | null;
  protocol: 'egts' | 'wialon';
}

export interface TelemetryRawPacketsTable {
  received_at: Date;
  protocol: 'egts' | 'wialon';
  terminal: string | null;
  remote: string;
  result: number;
  bytes: Buffer;
}

export interface TelemetryUnknownTerminalsTable {
  terminal: string;
  protocol: string;
  first_seen: Date;
  last_seen: Date;
  points: string;
  last_remote: string;
  last_latitude: number | null;
  last_longitude: number | null;
}

export interface TelemetryTables {
  telemetry_points: TelemetryPointsTable;
  telemetry_raw_packets: TelemetryRawPacketsTable;
  telemetry_unknown_terminals: TelemetryUnknownTerminalsTable;
}
