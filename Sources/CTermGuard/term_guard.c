#include "CTermGuard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* The fatal signals the guard watches: the faults, and the traps the Swift runtime raises on a
   precondition failure. SIGINT/TERM/HUP/TSTP are handled by the program itself. */
static const int guarded_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
#define GUARDED_COUNT ((int)(sizeof(guarded_signals) / sizeof(guarded_signals[0])))

static struct termios saved_modes;
static int saved_fd = -1;
static char restore_bytes[256];
static size_t restore_length = 0;
static struct sigaction previous_actions[GUARDED_COUNT];
static volatile sig_atomic_t installed = 0;
static volatile sig_atomic_t restored = 0;
static volatile sig_atomic_t detach_stdin = 1;

int term_guard_save_tty(int fd) {
  if (!isatty(fd) || tcgetattr(fd, &saved_modes) != 0) return -1;
  saved_fd = fd;
  return 0;
}

static int index_of(int sig) {
  for (int i = 0; i < GUARDED_COUNT; i++) {
    if (guarded_signals[i] == sig) return i;
  }
  return -1;
}

static void write_all(int fd, const char *bytes, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, bytes, length);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    bytes += n;
    length -= (size_t)n;
  }
}

/* Async-signal-safe: tcsetattr, write, open, dup2, close, sigaction, raise. */
static void guard_handler(int sig, siginfo_t *info, void *context) {
  int saved_errno = errno;
  if (!restored) {
    restored = 1;
    if (restore_length > 0) write_all(saved_fd, restore_bytes, restore_length);
    /* The saved modes have OPOST/ONLCR, ICANON and ECHO: no staircase, a usable shell. */
    tcsetattr(saved_fd, TCSANOW, &saved_modes);
    if (detach_stdin) {
      int null_fd = open("/dev/null", O_RDONLY);
      if (null_fd >= 0) {
        dup2(null_fd, STDIN_FILENO);
        if (null_fd != STDIN_FILENO) close(null_fd);
      }
    }
  }

  int i = index_of(sig);
  if (i < 0) {
    errno = saved_errno;
    return;
  }
  struct sigaction previous = previous_actions[i];
  /* From now on the previous disposition owns this signal. */
  sigaction(sig, &previous, NULL);
  errno = saved_errno;

  if (previous.sa_flags & SA_SIGINFO) {
    if (previous.sa_sigaction != NULL) previous.sa_sigaction(sig, info, context);
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(sig);
  }
  /* The process must not outlive this signal: the terminal is already restored. A fault
     re-executes the faulting instruction when the handler returns and dies then; a signal sent
     by kill/raise/abort does not come back by itself (a backtracer that returned would let the
     program run on), so raise it again with the default action; it stays pending until this
     handler returns. */
  if (info == NULL || info->si_code <= 0 || info->si_code == SI_KERNEL) {
    signal(sig, SIG_DFL);
    raise(sig);
  }
}

int term_guard_install(const char *restore_sequence) {
  if (saved_fd < 0) return -1;
  if (installed) return 0;
  restore_length = 0;
  if (restore_sequence != NULL) {
    size_t n = strlen(restore_sequence);
    if (n > sizeof(restore_bytes) - 1) n = sizeof(restore_bytes) - 1;
    memcpy(restore_bytes, restore_sequence, n);
    restore_bytes[n] = '\0';
    restore_length = n;
  }
  restored = 0;

  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_sigaction = guard_handler;
  /* SA_ONSTACK: the Swift runtime sets up an alternate stack, so stack overflows still reach
     us. Other signals stay deliverable while we run (the chain may need them). */
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);

  for (int i = 0; i < GUARDED_COUNT; i++) {
    if (sigaction(guarded_signals[i], &action, &previous_actions[i]) != 0) {
      for (int j = 0; j < i; j++) sigaction(guarded_signals[j], &previous_actions[j], NULL);
      return -1;
    }
  }
  installed = 1;
  return 0;
}

void term_guard_remove(void) {
  if (!installed) return;
  for (int i = 0; i < GUARDED_COUNT; i++) sigaction(guarded_signals[i], &previous_actions[i], NULL);
  installed = 0;
}

int term_guard_is_installed(void) { return installed ? 1 : 0; }

void term_guard_set_detach_stdin(int enabled) { detach_stdin = enabled ? 1 : 0; }
