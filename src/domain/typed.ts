// What people type reaches us from every kind of keyboard and paste: full-width digits and spaces from
// Asian input methods (« ７３２ ８２９ ３２０ »), tabs from spreadsheet cells, no-break spaces from web pages.
// NFKC folds the full-width forms to their ASCII digits, letters and space; each check then removes
// spaces (\s covers tabs and no-break spaces) the way it always did.
export const normaliseTyped = (input: string): string => input.normalize('NFKC');
