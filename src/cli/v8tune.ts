import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for the CLI: how much bytecode a function runs between two checks of whether to compile it
 * further. A check runs for seconds at most, mostly on code that runs once per cell or per form; with V8's default
 * (66 KiB on Node 20) it spends much of that time deciding and compiling. 400 KiB made `ziping check` on 200 forms
 * about 15 % faster (docs/decisions.md, 116) and changes no result.
 */
export const INTERRUPT_BUDGET = 400 * 1024;

/**
 * The young generation keeps its first size: a growth factor of 1 where V8's default is 2. V8's
 * `SemiSpaceNewSpace::Grow` multiplies the capacity by the factor each time it would grow the space, so with 1 the
 * space stays where it is. A check allocates fast and keeps little, and a young generation that doubles takes fresh
 * pages. A page fault is slow in a virtual machine: 200 forms took 8 % less, and the 1,000,000-row sheet the
 * hostile-files bench refuses peaks at 299 MB instead of 336 MB, for some 10 % more time (decision 118).
 */
const SEMI_SPACE_GROWTH = 1;

/**
 * How much bytecode TurboFan inlines into one optimized function, in all: 100 bytes where V8's default is 920. A
 * check is over in well under a second, and the functions V8 optimizes in it (the XML scanner, the cell reader) are
 * compiled on a background thread that shares the machine's other core with the garbage collector's helper. With
 * the default they inline their callees whole and took 250 ms of compiling for 200 forms, and their compiler zones
 * 2,900 of the run's 9,000 page faults; with 100 the small helpers are still inlined, the compiling took about 180
 * ms, and `ziping check` on 200 forms about 4 % less time (docs/decisions.md, 123).
 */
const INLINED_BYTECODE_CUMULATIVE = 100;

/**
 * Sets the CLI's V8 flags, first thing in the bin (src/cli/bin.ts), unless `ZIPING_V8_DEFAULTS=1`.
 *
 * Node documents `v8.setFlagsFromString` after start-up as "use with care": flags that change the heap's set-up
 * can crash V8 then (`--single-threaded-gc` did here). These three are only read when V8 next decides: the budget per
 * feedback cell (TieringManager), the growth when the young generation is full, the inlining budget when TurboFan
 * starts a job (JSInliningHeuristic).
 */
export function tuneV8(): void {
  if (process.env.ZIPING_V8_DEFAULTS) return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  setFlagsFromString(`--semi-space-growth-factor=${SEMI_SPACE_GROWTH}`);
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`);
}
