// GNU readline for the barrack executable (GPL-3+: only that executable links it).
//
// Swift 6 rejects every direct use of readline's global variables as not concurrency-safe, so
// the ones the REPL needs are reached through these small functions. The REPL calls them only
// from the main thread, where readline runs.
#ifndef BARRACK_CREADLINE_SHIM_H
#define BARRACK_CREADLINE_SHIM_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/// The application name readline's init file can match with `$if barrack`.
static inline void barrack_rl_set_name(const char *name) { rl_readline_name = name; }

/// The function Tab calls with the word and its bounds.
static inline void barrack_rl_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

/// Non-zero stops readline from falling back to file-name completion.
static inline void barrack_rl_set_completion_over(int over) { rl_attempted_completion_over = over; }

/// The characters that end a word for completion (the string must outlive readline).
static inline void barrack_rl_set_word_breaks(const char *characters) {
    rl_completer_word_break_characters = (char *)characters;
    rl_basic_word_break_characters = (char *)characters;
}

/// What readline appends after a single completion (0 for nothing).
static inline void barrack_rl_set_append_character(int character) {
    rl_completion_append_character = character;
}

/// Called when a signal interrupted the read of a key; readline then goes on reading.
static inline void barrack_rl_set_signal_event_hook(rl_hook_func_t *hook) { rl_signal_event_hook = hook; }

/// Called about ten times a second while readline waits for a key.
static inline void barrack_rl_set_event_hook(rl_hook_func_t *hook) { rl_event_hook = hook; }

/// The line being edited.
static inline const char *barrack_rl_line_buffer(void) { return rl_line_buffer; }

/// The cursor's byte offset in the line being edited.
static inline int barrack_rl_point(void) { return rl_point; }

#endif
