// Where the server's logs and telemetry go: one Log Analytics workspace, and a workspace-based
// Application Insights component. Its connection string reaches the server as
// APPLICATIONINSIGHTS_CONNECTION_STRING through Key Vault (key-vault.bicep).

@description('Azure region for the workspace and the component.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Name of the Log Analytics workspace.')
@minLength(4)
@maxLength(63)
param workspaceName string

@description('Name of the Application Insights component.')
@minLength(1)
@maxLength(260)
param appInsightsName string

@description('Days the workspace keeps logs and telemetry before deleting them.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Who may read the logs is decided by their access to the resource that wrote them.
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('Resource id of the Log Analytics workspace (diagnostic settings send App Service logs there).')
output workspaceId string = workspace.id

@description('Name of the Application Insights component; the vault keeps its connection string.')
output appInsightsName string = appInsights.name
