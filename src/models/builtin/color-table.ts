/**
 * Named colours people use for products, with a representative hex. Canonical names are lower
 * case with American spelling ("gray"); aliases map other spellings and phrasings to them.
 */
export const colorHex: ReadonlyMap<string, string> = new Map([
  ['black', '#000000'], ['white', '#ffffff'], ['red', '#ff0000'], ['green', '#008000'], ['blue', '#0000ff'],
  ['yellow', '#ffff00'], ['orange', '#ffa500'], ['purple', '#800080'], ['pink', '#ffc0cb'], ['brown', '#a52a2a'],
  ['gray', '#808080'], ['navy', '#000080'], ['charcoal', '#36454f'], ['beige', '#f5f5dc'], ['cream', '#fffdd0'],
  ['ivory', '#fffff0'], ['off-white', '#faf9f6'], ['tan', '#d2b48c'], ['khaki', '#c3b091'], ['sand', '#c2b280'],
  ['taupe', '#483c32'], ['camel', '#c19a6b'], ['olive', '#808000'], ['olive green', '#708238'], ['sage', '#9caf88'],
  ['sage green', '#9caf88'], ['forest green', '#228b22'], ['dark green', '#006400'], ['light green', '#90ee90'],
  ['mint', '#98ff98'], ['mint green', '#98ff98'], ['lime', '#32cd32'], ['lime green', '#32cd32'], ['emerald', '#50c878'], ['teal', '#008080'],
  ['turquoise', '#40e0d0'], ['aqua', '#00ffff'], ['cyan', '#00ffff'], ['sky blue', '#87ceeb'], ['light blue', '#add8e6'],
  ['baby blue', '#89cff0'], ['royal blue', '#4169e1'], ['cobalt', '#0047ab'], ['cobalt blue', '#0047ab'],
  ['dark blue', '#00008b'], ['midnight blue', '#191970'], ['steel blue', '#4682b4'], ['powder blue', '#b0e0e6'],
  ['indigo', '#4b0082'], ['burgundy', '#800020'], ['maroon', '#800000'], ['crimson', '#dc143c'], ['scarlet', '#ff2400'],
  ['dark red', '#8b0000'], ['coral', '#ff7f50'], ['salmon', '#fa8072'], ['peach', '#ffe5b4'], ['blush', '#de5d83'],
  ['dusty rose', '#dcae96'], ['hot pink', '#ff69b4'], ['magenta', '#ff00ff'], ['fuchsia', '#ff00ff'], ['lavender', '#e6e6fa'],
  ['lilac', '#c8a2c8'], ['violet', '#8f00ff'], ['mauve', '#e0b0ff'], ['plum', '#8e4585'], ['mustard', '#ffdb58'],
  ['gold', '#ffd700'], ['amber', '#ffbf00'], ['rust', '#b7410e'], ['terracotta', '#e2725b'], ['rose gold', '#b76e79'],
  ['silver', '#c0c0c0'], ['space gray', '#717378'], ['graphite', '#383428'], ['gunmetal', '#2a3439'], ['slate', '#708090'],
  ['slate gray', '#708090'], ['light gray', '#d3d3d3'], ['dark gray', '#a9a9a9'], ['heather gray', '#b7b7b7'],
  ['ash gray', '#b2beb5'], ['champagne', '#f7e7ce'], ['neon green', '#39ff14'], ['neon pink', '#ff6ec7'],
  ['neon yellow', '#dfff11'], ['chartreuse', '#7fff00'], ['ochre', '#cc7722'], ['army green', '#4b5320'], ['bordeaux', '#5c0120'],
  ['cognac', '#9a463d'], ['chestnut', '#954535'], ['mocha', '#967969'], ['caramel', '#c68e17'], ['oatmeal', '#d8cbb4'],
  ['light pink', '#ffb6c1'], ['dark brown', '#5c4033'], ['light brown', '#b5651d'], ['pale yellow', '#fdfd96'],
]);

/** Basic colour terms that may follow a shade's name without changing it ("cognac brown", "navy blue"). */
export const hueWords = /^[\s-]+(?:brown|blue|green|red|gr[ae]y|pink|purple|yellow|orange|white|black|beige)\b/i;

/** Other ways of writing a canonical name. */
export const colorAliases: ReadonlyMap<string, string> = new Map([
  ['grey', 'gray'], ['navy blue', 'navy'], ['off white', 'off-white'], ['space grey', 'space gray'],
  ['light grey', 'light gray'], ['dark grey', 'dark gray'], ['heather grey', 'heather gray'], ['slate grey', 'slate gray'],
  ['ash grey', 'ash gray'], ['charcoal grey', 'charcoal'], ['charcoal gray', 'charcoal'], ['khaki green', 'army green'],
]);

/** Words after a colour that make it an idiom, not a colour ("white label", "black friday"). */
export const colorIdioms = /^[\s-]*(?:label|labels|labelled|labeled|paper|papers|friday|light|flag|flags|standard|chip|space|area|list|noise|hole|sheep|market|listed|washing|proof|resistant|free|blasted|oil|condition|tea|juice)\b/i;
