#ifndef ORGTOP_CNCURSES_SHIM_H
#define ORGTOP_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-char API: opt in here.
   This must precede every curses include. */
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <ncursesw/curses.h>
/* term.h defines many capability-name macros (e.g. `lines`, `columns`): keep it last. */
#include <ncursesw/term.h>

/* Swift 6 rejects C globals as shared mutable state, and it cannot import function-like
   macros, so every one the terminal adapter needs gets a static inline accessor here. */

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline WINDOW *nc_curscr(void) { return curscr; }
static inline int nc_COLORS(void) { return COLORS; }
static inline int nc_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline FILE *nc_stdout(void) { return stdout; }
static inline FILE *nc_stdin(void) { return stdin; }
static inline TERMINAL *nc_cur_term(void) { return cur_term; }

static inline attr_t nc_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t nc_A_BOLD(void) { return A_BOLD; }
static inline attr_t nc_A_DIM(void) { return A_DIM; }
static inline attr_t nc_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t nc_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t nc_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t nc_A_STANDOUT(void) { return A_STANDOUT; }
static inline attr_t nc_A_BLINK(void) { return A_BLINK; }

static inline int nc_KEY_F(int n) { return KEY_F(n); }

/* Line-drawing characters (used for the ASCII fallback: the terminal draws them with its
   alternate character set, so boxes survive a non-UTF-8 locale). */
static inline const cchar_t *nc_WACS_HLINE(void) { return WACS_HLINE; }
static inline const cchar_t *nc_WACS_VLINE(void) { return WACS_VLINE; }
static inline const cchar_t *nc_WACS_ULCORNER(void) { return WACS_ULCORNER; }
static inline const cchar_t *nc_WACS_URCORNER(void) { return WACS_URCORNER; }
static inline const cchar_t *nc_WACS_LLCORNER(void) { return WACS_LLCORNER; }
static inline const cchar_t *nc_WACS_LRCORNER(void) { return WACS_LRCORNER; }
static inline const cchar_t *nc_WACS_LTEE(void) { return WACS_LTEE; }
static inline const cchar_t *nc_WACS_RTEE(void) { return WACS_RTEE; }
static inline const cchar_t *nc_WACS_TTEE(void) { return WACS_TTEE; }
static inline const cchar_t *nc_WACS_BTEE(void) { return WACS_BTEE; }
static inline const cchar_t *nc_WACS_PLUS(void) { return WACS_PLUS; }
static inline const cchar_t *nc_WACS_CKBOARD(void) { return WACS_CKBOARD; }
static inline const cchar_t *nc_WACS_BLOCK(void) { return WACS_BLOCK; }
static inline const cchar_t *nc_WACS_BULLET(void) { return WACS_BULLET; }
static inline const cchar_t *nc_WACS_DIAMOND(void) { return WACS_DIAMOND; }

/* ioctl is variadic (unavailable in Swift): the terminal size from the kernel. Returns 0 and
   fills rows/cols, or -1 when the descriptor is not a terminal or reports a zero size. */
static inline int nc_winsize(int fd, int *rows, int *cols) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
  *rows = ws.ws_row;
  *cols = ws.ws_col;
  return 0;
}

/* Whether the current terminfo entry has a usable string capability. tigetstr returns NULL
   for "absent" and (char *)-1 for "not a string capability"; Swift cannot compare with the
   latter safely, so the check lives here. */
static inline int nc_has_string_capability(const char *name) {
  char *value = tigetstr(name);
  return value != NULL && value != (char *)-1 && value[0] != '\0';
}

/* The value of a string capability, or NULL when absent or not a string capability. */
static inline const char *nc_string_capability(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return NULL;
  return value;
}

/* The `CODESET` item as `nl_item`, which Swift imports as a plain Int. */
static inline const char *nc_codeset(void) { return nl_langinfo(CODESET); }

/* poll(2) on one descriptor with a zero timeout: the revents bits, 0 when nothing is
   pending, -1 on error. Used to tell "stdin hung up" from "nothing to read". */
static inline int nc_poll_now(int fd) {
  struct pollfd p = {.fd = fd, .events = POLLIN, .revents = 0};
  int n = poll(&p, 1, 0);
  if (n < 0) return -1;
  return n == 0 ? 0 : p.revents;
}
static inline int nc_POLLHUP(void) { return POLLHUP; }
static inline int nc_POLLERR(void) { return POLLERR; }
static inline int nc_POLLNVAL(void) { return POLLNVAL; }
static inline int nc_POLLIN(void) { return POLLIN; }

#endif
