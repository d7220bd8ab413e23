import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for the CLI: how much bytecode a function runs between two checks of whether to compile it
 * further. A check runs for seconds at most, mostly on code that runs once per cell or per form; with V8's default
 * (66 KiB on Node 20) it spends much of that time deciding and compiling. 400 KiB made `ziping check` on 200 forms
 * about 15 % faster (docs/decisions.md, 116) and changes no result.
 *
 * Node documents `v8.setFlagsFromString` after start-up as "use with care": flags that change the heap's set-up
 * can crash V8 then. This one only sets the budget given to functions from now on (V8's TieringManager reads it per
 * feedback cell), so it is set once, first thing, and `ZIPING_V8_DEFAULTS=1` leaves V8 as it is.
 */
export const INTERRUPT_BUDGET = 400 * 1024;

if (!process.env.ZIPING_V8_DEFAULTS) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
