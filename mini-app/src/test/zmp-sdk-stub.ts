// Stands in for Zalo's SDK in component tests (vi.mock("zmp-sdk/apis", ...)): it behaves the
// way zmp-sdk does in a plain browser, where every native call fails with -2000.
const outsideZalo = { code: -2000, message: "Unknown error. Please try again later." };

export const getAccessToken = () => Promise.reject({ ...outsideZalo, api: "getAccessToken" });
export const configAppView = () => Promise.resolve();
export const nativeStorage = {
  getItem: () => {
    throw { ...outsideZalo, api: "getItem" };
  },
  setItem: () => {
    throw { ...outsideZalo, api: "setItem" };
  },
  removeItem: () => {
    throw { ...outsideZalo, api: "removeItem" };
  },
  clear: () => {
    throw { ...outsideZalo, api: "clear" };
  },
};
export const followOA = () => Promise.reject({ ...outsideZalo, api: "followOA" });
export const requestSendNotification = () => Promise.reject({ ...outsideZalo, api: "requestSendNotification" });
export const openShareSheet = () => Promise.reject({ ...outsideZalo, api: "openShareSheet" });
export const EventName = { NetworkChanged: "h5.event.connection.changed" };
export const events = { on: () => undefined, off: () => undefined };
