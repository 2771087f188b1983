import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'ossig',
  colors: {
    // a calm teal-blue
    ossig: ['#e6f4f7', '#d2e8ee', '#a5d0dc', '#74b7c9', '#4da2b9', '#3595af', '#268eab', '#167b96', '#026d86', '#005f76'],
    teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678', '#077350', '#066b4d'],
    orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#f76707', '#a8380a', '#8f3d00'],
    red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#f03e3e', '#c92a2a', '#b02525'],
  },
  primaryShade: 7,
  // Mantine's teal, orange and red with their three darkest shades darkened: those are the shades used
  // for text (`c="teal.8"`, the text of «light» badges and buttons = shade 9), and Mantine's own ones fall
  // short of WCAG AA 4.5:1 on white or on their light tint (teal 9 on its tint: 4.28; orange 8 on white: 3.58;
  // red 8 on white: 4.51, on its tint 3.9). test/browser/pages.test.ts fails on any such finding.
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
    // A table that scrolls sideways can be scrolled from the keyboard too.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    // Whole labels: a button or badge that has too little room wraps its text
    // onto a second line instead of cutting it («Скачать шабло…», «УВЕДОМЛ…»).
    Button: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', maxWidth: '100%', flexShrink: 0 },
        inner: { minHeight: 'var(--button-height)' },
        label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'center', lineHeight: 1.25, paddingBlock: 2 },
      },
    },
    Badge: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', flexShrink: 0, textTransform: 'none', letterSpacing: 0 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3, paddingBlock: 1 },
      },
    },
  },
});

/** «Dimmed» text dark enough to read (WCAG AA 4.5:1 on white and on the light grey of the pages). */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    // A field's error text and an empty picker's placeholder (Mantine: red 6 — 3.28:1, gray 5 — 2.07:1 on white).
    '--mantine-color-error': t.colors.red[8],
    '--mantine-color-placeholder': '#6c757d',
    // Text of «light» buttons, badges and the active navigation item: the darkest shade, readable on the tinted background.
    ...Object.fromEntries(LIGHT_TEXT.map((c) => [`--mantine-color-${c}-light-color`, t.colors[c]![9]])),
    // Coloured text (`c="red"`, anchors) and white text on filled buttons: shades that keep 4.5:1.
    ...Object.fromEntries(LIGHT_TEXT.map((c) => [`--mantine-color-${c}-text`, t.colors[c]![9]])),
    ...Object.fromEntries(FILLED_DARK.map((c) => [`--mantine-color-${c}-filled`, t.colors[c]![9]])),
    ...Object.fromEntries(FILLED_DARK.map((c) => [`--mantine-color-${c}-filled-hover`, t.colors[c]![9]])),
    '--mantine-color-yellow-light-color': '#7a5200',
    '--mantine-color-orange-light-color': '#8f3d00',
    '--mantine-color-yellow-text': '#7a5200',
    '--mantine-color-orange-text': '#8f3d00',
    '--mantine-color-orange-filled': '#a63f00',
    '--mantine-color-yellow-filled': '#8a5a00',
  },
  dark: {},
});

const FILLED_DARK = ['teal', 'green', 'red', 'cyan', 'lime', 'grape', 'pink', 'blue', 'violet', 'indigo'] as const;
const LIGHT_TEXT = ['ossig', 'teal', 'green', 'red', 'blue', 'gray', 'grape', 'cyan', 'violet', 'indigo', 'lime', 'pink'] as const;
