#include "CTermGuard.h"
int term_guard_placeholder(void) { return 0; }
