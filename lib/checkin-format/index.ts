// The check-in interchange format (shared/checkin-format.md, version 1): CSV and JSON.
export * from "./types";
export { parseCsv, serializeCsv, streamCsvRecords, readCsvStream, CsvRecordReader, EMPTY_CSV_MESSAGE, type CsvStreamItem, type StreamCsvOptions } from "./csv";
export { parseJson, serializeJson, toJsonObject, EMPTY_JSON_MESSAGE } from "./json";
export {
  checkInFieldsSchema, checkInRecordSchema, checkInSchemasAt, fieldsFromStrings, fieldsFromJson, recordFromJson,
  type FieldsResult, type CheckInFieldsJson, type CheckInRecordJson,
} from "./fields";
export { formatErrorMessage } from "./errors";
export { dayOf, isCalendarDate, isoDay, LIMITS, REQUIRED_COLUMNS, type AsOf, type FieldIssue } from "./values";
export {
  CHECKIN_FIELDS, CLIENT_FIELD, ENGINE_FIELDS, ENGINE_KEYS, FIELD_BY_COLUMN, FIELD_KEYS, RECORD_FIELDS,
  defaultOf, fieldsOfType, isOptional, pickFields,
} from "./field-defs";
