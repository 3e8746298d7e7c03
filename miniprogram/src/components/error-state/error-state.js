// A failed load, never a blank screen: the problem's Chinese detail, and a retry when it makes sense.
Component({
  properties: {
    error: { type: Object, value: null },
  },
  methods: {
    retry() {
      this.triggerEvent('retry');
    },
  },
});
