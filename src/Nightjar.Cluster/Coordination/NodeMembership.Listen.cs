using Npgsql;

namespace Nightjar.Cluster.Coordination;

public sealed partial class NodeMembership
{
    /// <summary>The channel every assignment transition notifies, with the node id as payload.</summary>
    internal const string AssignChannel = "nightjar_assign";

    // NOTIFY is only a doorbell: it is lost while disconnected, so every (re)connect rings once and the node re-reads.
    private async Task ListenLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _db.OpenConnectionAsync(stopping);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand("LISTEN " + AssignChannel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                Raise(AssignmentsChanged, nameof(AssignmentsChanged));
                while (!stopping.IsCancellationRequested)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && ex is NpgsqlException or TimeoutException or InvalidOperationException or System.IO.IOException)
            {
                Log.ListenerFailed(_logger, Identity.NodeId, ex.Message);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(_timing.RenewInterval, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (string.Equals(e.Payload, Identity.NodeId, StringComparison.Ordinal))
        {
            Raise(AssignmentsChanged, nameof(AssignmentsChanged));
        }
    }
}
