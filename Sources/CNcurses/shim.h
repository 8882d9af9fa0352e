#ifndef ORGTOP_CNCURSES_SHIM_H
#define ORGTOP_CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-char API: opt in here. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#endif
