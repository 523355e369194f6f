// CSS imports have no meaning in jsdom; components only need the module to exist.
export default {};
