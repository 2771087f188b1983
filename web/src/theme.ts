import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'ossig',
  colors: {
    // a calm teal-blue
    ossig: ['#e6f4f7', '#d2e8ee', '#a5d0dc', '#74b7c9', '#4da2b9', '#3595af', '#268eab', '#167b96', '#026d86', '#005f76'],
  },
  primaryShade: 7,
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
  },
});
