/**
 * The exchange with ГИС ЖКХ (dom.gosuslugi.ru) for stage 6, shaped like its
 * real asynchronous interface (the «Управление домами» service,
 * importVotingProtocol, through the integration bus):
 *
 *  1. the information system sends the request with its own transport GUID
 *     (RequestHeader/MessageGUID — a request sent again with the same GUID is
 *     the same request: that is what makes our retries idempotent);
 *  2. ГИС ЖКХ answers at once with an acknowledgement (AckRequest) carrying
 *     the message GUID it assigned;
 *  3. the system asks the state of that message (getState) until it is
 *     processed (RequestState 1 — received, 2 — processing, 3 — processed);
 *     the processed answer holds either the GUID of the protocol in ГИС ЖКХ
 *     or the errors (ErrorCode, Description).
 *
 * The house is named by its ФИАС GUID and/or cadastral number; the company by
 * its ИНН/ОГРН (the ГИС ЖКХ knows it by its registration there). Files of the
 * protocol go to the ГИС ЖКХ file store first and are referred to by their
 * hash and size (`files`).
 *
 * ГИС ЖКХ cannot be reached from this installation: the only implementation
 * is the SIMULATOR (gis-simulator.ts), which the demo and the tests use, and
 * which the cabinet and the README name as a simulator.
 */
import type { Majority, MeetingForm, MeetingKind } from './tables.js';

export interface GisProtocolRequest {
  /** Our transport GUID: the same for every retry of one request. */
  transportGuid: string;
  company: { inn: string; ogrn: string | null; name: string };
  house: { fiasHouseGuid: string | null; cadastralNumber: string; address: string };
  protocol: {
    number: string;
    /** YYYY-MM-DD */
    date: string;
    kind: MeetingKind;
    form: MeetingForm;
    meetingStart: string | null;
    meetingEnd: string | null;
    quorum: boolean;
    totalVotes: string;
    participatingVotes: string;
    decisions: { number: number; question: string; majority: Majority; for: string; against: string; abstain: string; accepted: boolean }[];
  };
  files: { kind: 'protocol' | 'signature' | 'scan'; name: string; bytes: number; sha256: string }[];
}

/** AckRequest.Ack: the message GUID ГИС ЖКХ assigned to the request. */
export interface GisAck {
  messageGuid: string;
}

export interface GisError {
  code: string;
  description: string;
}

export type GisState =
  | { state: 'received' | 'processing' }
  | { state: 'processed'; ok: true; protocolGuid: string }
  | { state: 'processed'; ok: false; errors: GisError[] };

export interface GisHousingClient {
  /** 'simulator' here; a real client would say 'ГИС ЖКХ'. */
  readonly kind: 'simulator' | 'real';
  readonly name: string;
  /** Whether the operator of this system has the company's access rights in ГИС ЖКХ («Предоставление прав доступа»). */
  checkAccessRights(company: { inn: string }): Promise<{ granted: boolean; reason?: string }>;
  importVotingProtocol(request: GisProtocolRequest): Promise<GisAck>;
  getState(messageGuid: string): Promise<GisState>;
}

/** A failure of the exchange itself (the bus did not answer): the job tries again with the same transport GUID. */
export class GisTransportError extends Error {}
