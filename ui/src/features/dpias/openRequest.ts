/** A DPIA another page asked to open (the activity form's "Open DPIA"): the DPIA page takes it once when it opens. */
let pending: number | null = null;

export function requestOpenDpia(id: number) {
  pending = id;
}

export function takeOpenDpiaRequest(): number | null {
  const id = pending;
  pending = null;
  return id;
}
