#ifndef ORGTOP_CTERMGUARD_H
#define ORGTOP_CTERMGUARD_H
/// Crash-time terminal restore: filled in by the terminal work.
int term_guard_placeholder(void);
#endif
