/**
 * The fields of a vehicle and their rules: the plate (the rule of
 * src/domain/identifiers.ts), make and model, body volume m³ and load
 * capacity t, the ГЛОНАСС/GPS terminal number, owned or leased (the lease
 * document and its term, not already over).
 */
import { checkPlate } from '../../domain/identifiers.js';
import { FieldCheck } from '../registers/input.js';
import { OWNERSHIP_LABELS } from '../registers/labels.js';

/** No dump truck has a larger body or carries more; larger values are typos. */
export const MAX_BODY_VOLUME_M3 = 100;
export const MAX_LOAD_CAPACITY_T = 100;

export interface VehicleInput {
  plate?: string | null;
  make?: string | null;
  model?: string | null;
  capacityM3?: string | number | null;
  loadCapacityT?: string | number | null;
  terminalNumber?: string | null;
  ownership?: string | null;
  leaseDocument?: string | null;
  leaseUntil?: string | null;
}

export interface VehicleFields {
  make: string;
  model: string;
  capacityM3: string;
  loadCapacityT: string;
  terminalNumber: string;
  ownership: 'owned' | 'leased';
  leaseDocument: string | null;
  leaseUntil: string | null;
}

/** Terminal numbers as devices print them: letters, digits, dashes; spaces dropped, upper case. */
export function normalizeTerminal(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

export function checkVehicleFields(input: VehicleInput, today: string, c = new FieldCheck()): VehicleFields {
  const make = c.text('make', input.make, { required: true, max: 100 });
  const model = c.text('model', input.model, { required: true, max: 100 });
  const capacity = c.decimal('capacityM3', input.capacityM3, { required: true, kind: 'volume', max: MAX_BODY_VOLUME_M3 });
  // numeric(6, 2) in the register: two decimals, as the body volume.
  const load = c.decimal('loadCapacityT', input.loadCapacityT, { required: true, kind: 'volume', max: MAX_LOAD_CAPACITY_T });
  const rawTerminal = c.text('terminalNumber', input.terminalNumber, { required: true, max: 40 });
  const terminal = rawTerminal ? normalizeTerminal(rawTerminal) : null;
  if (terminal && !/^[0-9A-Z-]{1,32}$/.test(terminal)) c.add('terminalNumber', 'только латинские буквы, цифры и дефис, не длиннее 32 символов');
  const ownership = c.oneOf<'owned' | 'leased'>('ownership', input.ownership, OWNERSHIP_LABELS, { required: true });
  let leaseDocument: string | null = null;
  let leaseUntil: string | null = null;
  if (ownership === 'leased') {
    leaseDocument = c.text('leaseDocument', input.leaseDocument, { required: true, max: 200 });
    leaseUntil = c.date('leaseUntil', input.leaseUntil, { required: true });
    if (leaseUntil && leaseUntil < today) c.add('leaseUntil', 'срок аренды уже истёк');
  }
  c.done();
  return {
    make: make!,
    model: model!,
    capacityM3: capacity!,
    loadCapacityT: load!,
    terminalNumber: terminal!,
    ownership: ownership!,
    leaseDocument,
    leaseUntil,
  };
}

/** The plate and the other fields of a new vehicle. */
export function checkNewVehicle(input: VehicleInput, today: string): { plate: string; fields: VehicleFields } {
  const c = new FieldCheck();
  let plate: string | null = null;
  if (typeof input.plate !== 'string' || input.plate.trim() === '') c.add('plate', 'обязательное поле');
  else {
    const p = checkPlate(input.plate);
    if (!p.ok) c.add('plate', p.error);
    else plate = p.value;
  }
  const fields = checkVehicleFields(input, today, c);
  return { plate: plate!, fields };
}
