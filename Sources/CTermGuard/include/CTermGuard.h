#ifndef ORGTOP_CTERMGUARD_H
#define ORGTOP_CTERMGUARD_H

/* Crash-time terminal restore for the full-screen UI.

   A fatal signal (SEGV, BUS, ILL, TRAP, ABRT, FPE: a Swift runtime trap is one of these) would
   otherwise leave the user's shell in raw mode on the alternate screen. The guard puts the tty
   back, writes the escape sequences that leave the full-screen mode, then chains to whatever
   handler was there before (Swift's backtracer, which then prints on the normal screen).

   Sequence of use: save the tty before curses changes it, install once curses is up, remove
   when the program restores the terminal itself. Everything the handler touches is prepared
   in advance: it only calls async-signal-safe functions. */

/* Saves the terminal modes of `fd` (call BEFORE newterm: afterwards they are curses' modes).
   Returns 0 on success, -1 when `fd` is not a terminal. */
int term_guard_save_tty(int fd);

/* Installs the handlers. `restore_sequence` (copied, truncated to 255 bytes; may be NULL) is
   written to the saved descriptor on a crash, e.g. sgr0 + cnorm + rmcup from terminfo.
   Returns 0 on success, -1 if no tty was saved or a handler could not be installed. */
int term_guard_install(const char *restore_sequence);

/* Puts back the handlers that were there before `term_guard_install`. */
void term_guard_remove(void);

/* Whether the guard's handlers are installed (for tests and diagnostics). */
int term_guard_is_installed(void);

/* Makes the next crash non-interactive: on a fatal signal the guard first points stdin at
   /dev/null, so the Swift backtracer (which otherwise offers an interactive prompt on a tty
   and waits up to 30 s) finds no terminal to interact with. Enabled by default. */
void term_guard_set_detach_stdin(int enabled);

#endif
