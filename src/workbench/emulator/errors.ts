/** Office's errors as the emulator raises them (`RichApi.Error` with a code and debug info). */

export class EmuError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  /** @internal the sync undoes the whole batch */
  readonly rollback: boolean;
  constructor(code: string, message: string, location?: string, rollback = false) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
    this.rollback = rollback;
  }
}

/** Office's English messages of the codes the emulator raises. */
export const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  InvalidOperation: 'The operation is invalid for the object.',
  GeneralException: 'An internal error has occurred while processing the request.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  ItemNotFound: 'The requested resource doesn\'t exist.',
  AccessDenied: 'You cannot perform the requested operation.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
};

export function notLoaded(name: string): EmuError {
  return new EmuError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
