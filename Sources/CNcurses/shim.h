#pragma once
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* What Swift cannot import from curses: macros and C globals, as functions. */

static inline WINDOW *ps_stdscr(void) { return stdscr; }
static inline int ps_lines(void) { return LINES; }
static inline int ps_cols(void) { return COLS; }
static inline FILE *ps_stdout(void) { return stdout; }
static inline FILE *ps_stdin(void) { return stdin; }

static inline int ps_attr_bold(void) { return A_BOLD; }
static inline int ps_attr_reverse(void) { return A_REVERSE; }
static inline int ps_attr_dim(void) { return A_DIM; }
static inline int ps_attr_underline(void) { return A_UNDERLINE; }
static inline int ps_attr_normal(void) { return A_NORMAL; }
static inline int ps_color_pair(int n) { return COLOR_PAIR(n); }
static inline int ps_key_f(int n) { return KEY_F(n); }

/* Whether the terminal can address the cursor (TERM=dumb cannot). */
static inline int ps_can_address_cursor(void) { return cursor_address != NULL; }

/* Whether the current locale's codeset is UTF-8. */
static inline int ps_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') && (cs[2] == 'F' || cs[2] == 'f');
}

static inline int ps_attron(WINDOW *w, int attrs) { return wattron(w, attrs); }
static inline int ps_attroff(WINDOW *w, int attrs) { return wattroff(w, attrs); }
